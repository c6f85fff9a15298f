"""Documents in, RDF out: building, storing, querying, exporting and viewing the graph."""
