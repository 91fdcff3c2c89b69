"""storyline.scale"""
