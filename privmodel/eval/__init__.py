"""Evaluation: turn a Policy into the gold annotation format and score predictions against gold."""

from privmodel.eval.gold import to_gold, write_gold
from privmodel.eval.scoring import FieldScore, ScoreReport, score_dirs, score_records

__all__ = ["FieldScore", "ScoreReport", "score_dirs", "score_records", "to_gold", "write_gold"]
