"""The dashboard's pages; each module has the endpoints of one section."""
