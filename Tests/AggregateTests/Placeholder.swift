import Testing

@Test func placeholder_AggregateTests() { #expect(Bool(true)) }
