import Testing

@Test func placeholder_reader() { #expect(Bool(true)) }
