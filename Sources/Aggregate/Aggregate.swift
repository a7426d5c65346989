// Aggregation (issue 6).
