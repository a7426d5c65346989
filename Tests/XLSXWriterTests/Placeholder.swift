import Testing

@Test func placeholder_XLSXWriterTests() { #expect(Bool(true)) }
