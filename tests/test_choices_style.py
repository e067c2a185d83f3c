"""Choices in one style: a TextChoices class in the app's choices.py, used by models,
blocks and forms as `X.choices` (a form may put a blank "All …" option first).
The self-referral questions define their answers with the questions
(selfreferral/questions.py) and are left out here."""

import ast

from tests.test_import_circles import project_modules

QUESTION_LIST = "selfreferral.questions"


def _is_choices_class(node):
    return isinstance(node, ast.ClassDef) and any(
        (base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", ""))
        in {"TextChoices", "IntegerChoices", "Choices"}
        for base in node.bases
    )


def _literal_pairs(value):
    """A choices list written out as (value, label) pairs: a list, tuple or dict of
    constants. Yes/no labels of a boolean are allowed: TextChoices cannot hold True."""
    if isinstance(value, ast.Dict):
        return True
    if not isinstance(value, ast.List | ast.Tuple) or not value.elts:
        return False
    pairs = [element for element in value.elts if isinstance(element, ast.Tuple)]
    if len(pairs) != len(value.elts):
        return False  # e.g. a blank option followed by *Enum.choices
    return not all(
        isinstance(pair.elts[0], ast.Constant) and isinstance(pair.elts[0].value, bool)
        for pair in pairs
    )


def problems():
    found = []
    for name, path in project_modules().items():
        if name == QUESTION_LIST or name.startswith("rjsite."):
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if _is_choices_class(node) and path.name != "choices.py":
                found.append(f"{name}: {node.name} belongs in {name.split('.')[0]}/choices.py")
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "choices" and _literal_pairs(keyword.value):
                        found.append(f"{name} line {node.lineno}: choices written out as pairs")
    return found


def test_choices_are_text_choices_in_each_apps_choices_module():
    assert problems() == []


def test_the_check_sees_pairs_and_stray_enums():
    assert _literal_pairs(ast.parse('[("a5", "A5"), ("a4", "A4")]', mode="eval").body)
    assert not _literal_pairs(ast.parse('[("", "All"), *Setting.choices]', mode="eval").body)
    assert not _literal_pairs(ast.parse('[(True, "Yes"), (False, "No")]', mode="eval").body)
    assert _is_choices_class(ast.parse("class A(models.TextChoices): pass").body[0])
