"""storyline.ingest"""
