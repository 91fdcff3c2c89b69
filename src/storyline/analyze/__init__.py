"""storyline.analyze"""
