// The park schema and rules (issue 5).
enum RulesNamespace {}
