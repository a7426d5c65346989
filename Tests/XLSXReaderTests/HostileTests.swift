import SheetModel
import Testing
import TestSupport
import XLSXReader
import ZipXML

/// Untrusted input ends quickly with a coded error, or with a correct partial result.
@Suite struct HostileTests {
    @Test(arguments: [
        ("hostile/xxe.xlsx", "file.corrupt"),
        ("hostile/deep-nesting.xlsx", "file.corrupt"),
        ("hostile/beyond-grid.xlsx", "file.corrupt"),
        ("hostile/beyond-rows.xlsx", "file.corrupt"),
        ("hostile/invalid-utf8.xlsx", "file.corrupt"),
        ("hostile/zip-bomb.xlsx", "file.too_large"),
        ("hostile/external-dtd.xlsx", "file.corrupt"),
        ("hostile/sheet-billion-laughs.xlsx", "file.corrupt"),
        ("hostile/sheet-quadratic.xlsx", "file.corrupt"),
        ("hostile/nul-byte.xlsx", "file.corrupt"),
        ("hostile/nul-charref.xlsx", "file.corrupt"),
    ])
    func rejected(_ fixture: String, _ rule: String) {
        #expect(ruleOfError(fixture) == rule)
    }

    @Test func xxeNeverReadsTheEntity() throws {
        do {
            _ = try Workbook.load(path: Fixtures.reader("hostile/xxe.xlsx"))
            Issue.record("must be rejected")
        } catch let error as SheetError {
            #expect(!error.description.contains("root:"))
        }
    }

    @Test func absurdCountsAllocateNothing() throws {
        let c = try cells("hostile/absurd-dimension.xlsx")
        #expect(c == ["Sheet1!A1": .text("ok")], "an out-of-range shared-string index is no value")
    }

    @Test func absurdSharedStringCountsAllocateNothing() throws {
        #expect(try cells("hostile/absurd-sst-count.xlsx") == ["Sheet1!A1": .text("ok")])
    }

    /// Two entries named xl/worksheets/sheet1.xml: the first in the central directory is read.
    @Test func duplicateEntriesFirstWins() throws {
        #expect(try cells("hostile/duplicate-entries.xlsx") == ["Sheet1!A1": .number(1)])
    }

    /// Entries named ../../evil.xml and /etc/x.xml: the reader extracts nothing, so nothing can
    /// land outside; the absolute name is just a lookup key ("etc/x.xml") for the sheet target.
    @Test func escapingEntryNamesAreOnlyNames() throws {
        let outside = ["/etc/x.xml", Fixtures.path("evil.xml"), Fixtures.repositoryRoot.appendingPathComponent("../evil.xml").path,
                       FileManager.default.currentDirectoryPath + "/../../evil.xml"]
        let before = outside.filter { FileManager.default.fileExists(atPath: $0) }
        #expect(try cells("hostile/evil-names.xlsx") == ["Sheet1!A1": .number(2)])
        #expect(outside.filter { FileManager.default.fileExists(atPath: $0) } == before)
    }

    /// Declared sizes 100 bytes short or 1000 long, in the local header or the central directory:
    /// libzip inflates the deflate stream to its end and checks the CRC, so the sheet reads whole;
    /// the caps count inflated bytes, so a lie cannot get past them either (see zip-bomb).
    @Test(arguments: ["local-smaller", "local-larger", "central-smaller", "central-larger"])
    func lyingSizesReadTheTruth(_ kind: String) throws {
        #expect(try cells("hostile/lying-\(kind).xlsx") == ["Sheet1!A1": .text(String(repeating: "真", count: 200))])
    }

    @Test func partSizeCapIsConfigurable() {
        var limits = ZipLimits()
        limits.maxPartBytes = 100
        #expect(throws: SheetError.self) { try Workbook(path: Fixtures.reader("cell-types.xlsx"), limits: limits) }
    }

    @Test func nonWorkbooksGetTheirRule() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, [UInt8], String)] = [
            ("empty.xlsx", [], "file.not_xlsx"),
            ("csv.xlsx", Array("企业名称,产值\n甲,1\n".utf8), "file.not_xlsx"),
            ("html.xlsx", Array("<html><body><table><tr><td>1</td></tr></table></body></html>".utf8), "file.not_xlsx"),
            ("xls.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600), "file.not_xlsx"),
            ("truncated.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "file.corrupt"),
        ]
        for (name, bytes, rule) in cases {
            let url = dir.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            do {
                _ = try Workbook.load(path: url.path)
                Issue.record("\(name) must be rejected")
            } catch let error as SheetError {
                #expect(error.code.ruleID == rule, "\(name)")
                #expect(error.description.contains(url.path), "the message names the file")
            }
        }
    }
}

import Foundation
