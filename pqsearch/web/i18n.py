"""The page's words in French (first) and English: one table, looked up by key.

Kinds of question and answer types are named by the library's own tables (`KIND_LABELS`,
`ANSWER_TYPE_LABELS`). Library messages (errors, did-you-mean) keep the library's wording:
the JSON API returns the same messages, and a colleague reading a screenshot sees what the
CLI says.
"""

from __future__ import annotations

from typing import Literal

from pqsearch.analyze.answer_types import ANSWER_TYPE_LABELS, ANSWER_TYPE_LABELS_EN
from pqsearch.memo import thousands
from pqsearch.models import KIND_LABELS

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = ("fr", "en")

# key -> (French, English)
_WORDS: dict[str, tuple[str, str]] = {
    "app": ("pqsearch — questions écrites", "pqsearch — written questions"),
    "skip": ("Aller aux résultats", "Skip to results"),
    "skip_content": ("Aller au contenu", "Skip to content"),
    "skip_facets": ("Aller aux filtres (affiner)", "Skip to the facets (narrow)"),
    "nav_search": ("Recherche", "Search"),
    "nav_draft": ("Rédaction", "Drafting"),
    "nav_watches": ("Recherches suivies", "Saved searches"),
    "nav_api": ("API JSON", "JSON API"),
    "other_language": ("English", "Français"),
    "query_label": ("Rechercher dans les questions et réponses", "Search questions and answers"),
    "query_help": (
        'Mots, "expression exacte", technolog*, ministre:smet, recu:2021-03, NOT loyer',
        'Words, "exact phrase", technolog*, minister:smet, recu:2021-03, NOT loyer',
    ),
    "search_button": ("Rechercher", "Search"),
    "date_field": ("Date", "Date"),
    "date_from": ("Du", "From"),
    "date_to": ("Au", "To"),
    "date_placeholder": ("jj/mm/aaaa", "dd/mm/yyyy"),
    "date_help": ("jj/mm/aaaa, aaaa-mm ou aaaa", "dd/mm/yyyy, yyyy-mm or yyyy"),
    "received": ("reçue", "received"),
    "published": ("publiée", "published"),
    "answered": ("répondue", "answered"),
    "sort": ("Tri", "Sort"),
    "relevance": ("pertinence", "relevance"),
    "newest": ("plus récentes", "newest"),
    "oldest": ("plus anciennes", "oldest"),
    "apply": ("Appliquer", "Apply"),
    "total_one": ("1 document", "1 document"),
    "total_many": ("{n} documents", "{n} documents"),
    "showing": ("{first}–{last}, page {page}", "{first}–{last}, page {page}"),
    "active_filters": ("Filtres actifs", "Active filters"),
    "remove_filter": ("Retirer le filtre {name} : {value}", "Remove filter {name}: {value}"),
    "clear_filters": ("Tout retirer", "Clear all"),
    "did_you_mean": ("Vouliez-vous dire", "Did you mean"),
    "results_for": ("Résultats pour « {q} » ; rechercher plutôt", "Results for “{q}”; search for"),
    "absent_value": (
        "Aucun document de cet index n'a la valeur « {value} » ({field}) : ce filtre ne trouve "
        "rien pour l'instant.",
        'No document in this index has {field} "{value}": this filter matches nothing yet.',
    ),
    "nothing_matches": ("Aucun résultat pour « {word} ».", 'Nothing matches "{word}".'),
    "facets": ("Affiner", "Refine"),
    "more_values": ("Plus de valeurs", "More values"),
    "timeline": ("Résultats par {unit}", "Matches per {unit}"),
    "month": ("mois", "month"),
    "year": ("année", "year"),
    "timeline_bar": ("{label} : {n} documents", "{label}: {n} documents"),
    "timeline_bar_one": ("{label} : 1 document", "{label}: 1 document"),
    "previous": ("Précédente", "Previous"),
    "next": ("Suivante", "Next"),
    "pages": ("Pages", "Pages"),
    "question_no": ("question n°{n}", "question no. {n}"),
    "no_answer": ("sans réponse", "no answer yet"),
    "received_on": ("reçue le {d}", "received {d}"),
    "answered_on": ("répondue le {d}", "answered {d}"),
    "answer_not_published": (
        "répondue le {d}, réponse non publiée",
        "answered on {d}, answer not published",
    ),
    # A published answer whose record gives no reply date (the federal Chamber's bulletin):
    # never "répondue le —" (s18).
    # The document page's "Répondue le" of a reply date without a published text (s19).
    "date_not_published": ("{d}, réponse non publiée", "{d}, answer not published"),
    "answer_published_on": ("réponse publiée le {d}", "answer published {d}"),
    "answer_published": ("réponse publiée", "answer published"),
    "date_not_given": ("non indiquée", "not given"),
    "answer_published_no_date": (
        "réponse publiée, sans date de réponse",
        "answer published, no reply date given",
    ),
    "answer_sent_not_published": (
        "réponse envoyée au membre, non publiée",
        "answer sent to the member, not published",
    ),
    "published_on": ("publiée le {d}", "published {d}"),
    "part_title": ("titre", "title"),
    "part_question": ("Question", "Question"),
    "part_answer": ("Réponse", "Answer"),
    "select": ("Sélectionner", "Select"),
    "download": ("Télécharger la sélection", "Download the selection"),
    "download_help": (
        "Sans sélection : toute la page.",
        "Nothing selected: the whole page.",
    ),
    "download_not_found": (
        "Documents choisis qui ne sont plus dans l'index (retirés depuis l'affichage de la "
        "page) : {ids}.",
        "Documents chosen that are no longer in the index (removed since the page was shown): "
        "{ids}.",
    ),
    "format_md": ("Note de précédents (Markdown)", "Precedents memo (Markdown)"),
    "format_csv": ("Tableur (CSV)", "Spreadsheet (CSV)"),
    "format_jsonl": ("JSON Lines", "JSON Lines"),
    "error": ("Erreur", "Error"),
    # French puts a space before a colon or a question mark; English does not (s19).
    "colon": (" :", ":"),
    "question_mark": (" ?", "?"),
    "suggestions": ("Essayez", "Try"),
    # document page
    "back_to_results": ("Retour aux résultats", "Back to the results"),
    "doc_fields": ("Fiche", "Record"),
    "field_id": ("Identifiant", "Id"),
    "field_parliament": ("Assemblée", "Parliament"),
    "field_kind": ("Type de question", "Kind"),
    "field_legislature": ("Législature", "Legislature"),
    "field_session": ("Session", "Session"),
    "field_number": ("Numéro", "Number"),
    "field_language": ("Langue", "Language"),
    "field_title_nl": ("Titre (nl)", "Title (nl)"),
    "field_author": ("Auteur", "Author"),
    "field_addressee": ("Destinataire", "Addressee"),
    "field_role": ("Fonction", "Role"),
    "field_portfolios": ("Compétences", "Portfolios"),
    "field_received": ("Reçue le", "Received"),
    "field_published": ("Publiée le", "Published"),
    "field_answered": ("Répondue le", "Answered"),
    "field_answer_type": ("Type de réponse", "Answer type"),
    "field_source": ("Source", "Source"),
    "field_official": ("Page officielle", "Official page"),
    "procedure": ("Procédure", "Procedure"),
    "proc_date": ("Date", "Date"),
    "proc_act": ("Acte", "Act"),
    "proc_body": ("Organe", "Body"),
    "proc_reference": ("Référence", "Reference"),
    "sectors": ("Secteurs", "Sectors"),
    "evidence": ("{term} ×{count} ({part})", "{term} ×{count} ({part})"),
    "cites": ("Questions citées", "Questions cited"),
    "cited_by": ("Citée par", "Cited by"),
    "not_indexed": ("absente de l'index", "not in the index"),
    "annexes": ("Annexes", "Annexes"),
    "same_question": (
        "La même question, posée à d'autres ministres",
        "The same question, sent to other ministers",
    ),
    "similar": ("Questions semblables", "Similar questions"),
    "shared_terms": ("Termes communs", "Shared key terms"),
    "also_sent_to": ("Également adressée à", "Also sent to"),
    "widen_one": ("Sans le filtre {name} : {value}", "Without the filter {name}: {value}"),
    "widen_all": ("Sans aucun filtre", "Without any filter"),
    "widen_title": ("Aucun document avec ces filtres.", "No document with these filters."),
    "nothing_found_help": (
        "Aucun document ne contient ces mots. Vérifiez l'orthographe, essayez un synonyme ou "
        "moins de mots.",
        "No document holds these words. Check the spelling, try a synonym or fewer words.",
    ),
    "index_empty": (
        "Cet index ne contient encore aucun document ({root}). Ajoutez-y vos documents : "
        "pqsearch ingest DOSSIER --index {root} ; cette page les montre dès la fin de "
        "l'ingestion, sans redémarrer le serveur.",
        "This index holds no document yet ({root}). Add your documents: "
        "pqsearch ingest FOLDER --index {root}; this page shows them as soon as the ingest "
        "ends, without restarting the server.",
    ),
    "index_unfinished": (
        "La première ingestion de cet index s'est arrêtée avant la fin : il ne contient que ce "
        "qu'elle avait enregistré. Relancez pqsearch ingest --index {root} avec vos documents "
        "pour la terminer.",
        "This index's first ingest stopped before its end: it holds only what it had "
        "committed. Run pqsearch ingest --index {root} again with your documents to complete "
        "it.",
    ),
    "index_ingesting": (
        "Une ingestion de cet index ({root}) est en cours : cette page montre ses documents "
        "dès qu'ils sont enregistrés, sans redémarrer le serveur.",
        "An ingest of this index ({root}) is running: this page shows its documents as soon "
        "as they are committed, without restarting the server.",
    ),
    "no_answer_text": ("(pas encore de réponse)", "(no answer yet)"),
    "answer_text_not_published": (
        "(réponse envoyée le {d} et non publiée)",
        "(answer sent on {d}, not published)",
    ),
    "none": ("aucune", "none"),
    # drafting
    "draft_title": ("Rédiger : trouver les précédents", "Drafting: find precedents"),
    "draft_label": (
        "Collez un projet de question ou de réponse",
        "Paste a draft question or answer",
    ),
    "draft_button": ("Trouver les précédents", "Find precedents"),
    "draft_results": ("Précédents les plus proches", "Closest precedents"),
    # saved searches
    "watches_title": ("Recherches suivies", "Saved searches"),
    "watches_intro": (
        "Ce qui est nouveau depuis le dernier « pqsearch watch run ». Cette page ne change rien.",
        'What is new since the last "pqsearch watch run". This page changes nothing.',
    ),
    "watches_none": (
        "Aucune recherche suivie. Ajoutez-en une : pqsearch watch add NOM MOTS…",
        "No saved searches. Add one: pqsearch watch add NAME WORDS…",
    ),
    "watch_new": ("{n} nouveaux", "{n} new"),
    "watch_new_one": ("1 nouveau", "1 new"),
    "watch_changed": ("{n} modifiés", "{n} changed"),
    "watch_last_run": ("dernière consultation : {d}", "last seen: {d}"),
    "watch_cannot_run": (
        "Cette recherche ne peut pas s'exécuter ; les autres, si :",
        "This saved search cannot run; the others can:",
    ),
    "never": ("jamais", "never"),
    "open_search": ("Ouvrir la recherche", "Open the search"),
    "not_found_title": ("Page introuvable", "Page not found"),
}

# Facet names and closed sets of values, as a reader expects them.
_FACETS: dict[str, tuple[str, str]] = {
    "legislature": ("Législature", "Legislature"),
    "session": ("Session", "Session"),
    "addressee": ("Ministre", "Minister"),
    "author": ("Auteur", "Author"),
    "portfolio": ("Compétence", "Portfolio"),
    "sector": ("Secteur", "Sector"),
    "answer_type": ("Type de réponse", "Answer type"),
    "status": ("Statut", "Status"),
    "kind": ("Type de question", "Kind"),
    "language": ("Langue", "Language"),
    "year": ("Année", "Year"),
    "date": ("Dates", "Dates"),
    # Fields of the query language an error may name (`numero:3*`): never their English name
    # inside French text (s20, « filtre number »).
    "number": ("Numéro", "Number"),
    "id": ("Identifiant", "Id"),
    "parliament": ("Parlement", "Parliament"),
    "sector_mentioned": ("Secteur mentionné", "Sector mentioned"),
    "received": ("Reçue", "Received"),
    "published": ("Publiée", "Published"),
    "answered": ("Répondue", "Answered"),
}
_VALUES: dict[str, tuple[str, str]] = {
    "answered": ("répondue", "answered"),
    "unanswered": ("sans réponse", "unanswered"),
}


def language_of(requested: str | None) -> Language:
    """French unless English is asked for (`?lang=en`)."""
    return "en" if requested == "en" else "fr"


class Words:
    """The words of one page in one language: `words("key", n=3)`."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._column = LANGUAGES.index(language)

    def __call__(self, key: str, **values: object) -> str:
        text = _WORDS[key][self._column]
        return text.format(**values) if values else text

    def facet(self, name: str) -> str:
        pair = _FACETS.get(name)
        return pair[self._column] if pair else name

    def field(self, name: str) -> str:
        """A filter's name inside a sentence ("pas au filtre secteur"): its facet name
        without the capital it has as a heading."""
        return self.facet(name).lower()

    def number(self, n: int) -> str:
        """A count or a limit with the language's thousands separator: 10 000 (a narrow
        no-break space, as the memo writes it), 10,000."""
        return thousands(n, self.language)

    def value(self, value: str) -> str:
        """A closed-set value ("answered", "by_reference") in words; other values as they are."""
        pair = _VALUES.get(value)
        if pair is not None:
            return pair[self._column]
        if value in KIND_LABELS:
            return KIND_LABELS[value].get(self.language, value)
        if value in ANSWER_TYPE_LABELS:
            labels = ANSWER_TYPE_LABELS if self.language == "fr" else ANSWER_TYPE_LABELS_EN
            return labels.get(value, value)
        return value
