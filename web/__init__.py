"""``koto serve``: the officials' and reviewers' local web app over a data repository."""
