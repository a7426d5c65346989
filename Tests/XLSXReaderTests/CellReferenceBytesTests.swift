import Testing
@testable import XLSXReader

@Suite struct CellReferenceBytesTests {
    /// The plain reading of an A1 reference: 1-3 letters (column at most XFD), then 1-7 digits
    /// (row 1...1048576), nothing else.
    private func reference(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        var i = 0, col = 0
        while i < bytes.count, case let l = (bytes[i] | 0x20) &- UInt8(ascii: "a"), l < 26 {
            col = col * 26 + Int(l) + 1
            i += 1
            if i > 3 { return nil }
        }
        guard i > 0, col <= 16_384 else { return nil }
        let digits = bytes[i...]
        guard (1...7).contains(digits.count), digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let row = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        guard row >= 1, row <= 1_048_576 else { return nil }
        return col - 1
    }

    private func parsed(_ text: String) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { SheetParse.parseColumn($0) }
    }

    @Test func agreesWithThePlainReading() {
        var texts = ["A1", "a1", "XFD1048576", "XFE1", "A1048577", "A0", "A01", "A0000001", "A00000001", "AB12", "A",
                     "1", "", "A1B", "A 1", "A1 ", "AAAA1", "Z9999999", "B1234", "C12345", "D123456", "E1234567",
                     "F12:4", "G1/34", "H123/", "I12345:7"]
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ABCXYZabxyz0123456789019 :/$".utf8)
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...11, using: &rng)
            texts.append(String(decoding: (0..<n).map { _ in alphabet.randomElement(using: &rng)! }, as: UTF8.self))
        }
        for text in texts {
            #expect(parsed(text) == reference(text), "\(text)")
        }
    }
}
