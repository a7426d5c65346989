import Testing
@testable import Rules

@Suite struct USCCTests {
    @Test(arguments: ["91511903PDY00001X4", "91511903PDY0000284", "91511903PDY000060F", "91511903PDY0001590", "52511903PDY0003198"])
    func validVectors(_ code: String) {
        #expect(USCC.check(code) == nil)
    }

    @Test func invalidVectors() {
        #expect(USCC.check("91511903PDY0000285") == .checksum18)
        #expect(USCC.check("91511903PDY0000297") == .checksum17)
        #expect(USCC.check("94511903PDY0000793") == .category)
        #expect(USCC.check("91511903PDYOO00284") == .format)
        #expect(USCC.check("91511903PDY000028") == .format)
    }

    /// Codes of 18 alphabet bytes are checked on bytes; every code must get the Character answer.
    @Test func bytePathMatchesCharacterPath() {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY"), valid = "91511903PDY0000284"
        var rng = SplitMix(seed: 5)
        for n in 0..<20_000 {
            var chars = Array(valid)
            for _ in 0..<Int(rng.next() % 3) { chars[Int(rng.next() % 18)] = alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let code = String(chars)
            #expect(USCC.check(code) == USCC.checkCharacters(code), "\(n): \(code)")
        }
    }

    @Test func normalisation() {
        #expect(USCC.normalize("91511903pdy0000284") == ("91511903PDY0000284", true))
        #expect(USCC.normalize("９１５１１９０３ＰＤＹ００００２８４") == ("91511903PDY0000284", true))
        #expect(USCC.normalize("915119-03PDY 0000284") == ("91511903PDY0000284", true))
        #expect(USCC.normalize(" 91511903PDY0000284 ") == ("91511903PDY0000284", false))
    }
}
