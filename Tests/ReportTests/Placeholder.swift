import Testing

@Test func placeholder_ReportTests() { #expect(Bool(true)) }
