"""Jobs: sources → pipeline → store. Batch ingest (``ingest``), watching feeds (``watch``), extraction over
processes or a Dask cluster (``parallel``) and their progress display. Enters: inputs as a user names them;
leaves: stored, merged events and a summary."""
