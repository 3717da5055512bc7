"""pqsearch: search parliamentary written questions and the ministers' answers."""

from pqsearch.errors import ParseError, PqsearchError, QuerySyntaxError
from pqsearch.models import Question

__all__ = ["ParseError", "PqsearchError", "Question", "QuerySyntaxError"]
