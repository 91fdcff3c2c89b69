"""storyline.link"""
