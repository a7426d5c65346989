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
