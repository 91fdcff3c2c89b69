"""storyline.render"""
