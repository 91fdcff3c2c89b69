"""The public surface stays small and honest."""

import storyline


def test_all_names_exist_and_are_sorted():
    assert sorted(storyline.__all__) == list(storyline.__all__)
    for name in storyline.__all__:
        assert hasattr(storyline, name), name
