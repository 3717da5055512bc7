"""The source step before parse: harvest the Brussels Parliament's index and question pages.

`harvest` reads the site's per-legislature index (`weblex_index`), writes a metadata record
for every entry, and fetches the pages asked for through a polite client (`client`: one
request at a time, robots.txt, Retry-After, backoff, conditional requests) into a corpus
folder with a manifest (`manifest`) that makes any run resumable; ingest then reads the
folder like any other. The call to use is `pqsearch.fetch()`. Nothing here imports the index
or query layers, and this file imports nothing, so `import pqsearch` stays light.
"""
