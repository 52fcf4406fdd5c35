from sitrep.evaluate.devset import main

raise SystemExit(main())
