import Testing

@Test func placeholder_RulesTests() { #expect(Bool(true)) }
