"""Records -> reports: speaker tables, sourcing audits, checks, the HTML page, evaluation."""
