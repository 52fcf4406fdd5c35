"""Places: offline gazetteer and resolution of place names in article text (see resolve.find_places)."""
