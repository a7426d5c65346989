import Foundation
import Testing
import TestSupport
@testable import Rules

/// The folder walk behind validate, ingest, run and inspect.
@Suite struct FolderWalkTests {
    @Test func keepsSubmissionsAndLeavesOutRegistryNotesAndHiddenFolders() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for sub in ["b.xlsx", "a/c.xlsx", "企业名录.xlsx", "EXPECTED.tsv", "说明.md", ".git/x.xlsx", "~$b.xlsx", ".hidden.xlsx"] {
            let url = dir.appendingPathComponent(sub)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let names = Validator.files(in: dir.path).map { String($0.dropFirst(dir.path.count + 1)) }
        // Hidden and lock files stay: the report says they were skipped.
        #expect(names == [".hidden.xlsx", "a/c.xlsx", "b.xlsx", "~$b.xlsx"])
    }

    /// Lock, macOS and hidden files are told by their name's first Characters: the first-byte check
    /// before them changes nothing, combining marks after the prefix and full-width look-alikes included.
    @Test func skippedNamesAreToldByCharacters() {
        func byCharacters(_ path: String) -> String? {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name.hasPrefix("~$") { return "lock" }
            if name.hasPrefix("._") { return "mac" }
            if name.hasPrefix(".") { return "hidden" }
            return nil
        }
        let kinds = ["Office 打开文件时生成的临时锁文件": "lock", "macOS 生成的附属文件": "mac", "隐藏文件": "hidden"]
        let names = ["~$a.xlsx", "._a.xlsx", ".a.xlsx", "a.xlsx", "~a.xlsx", "~$\u{301}a.xlsx", ".\u{301}a.xlsx", "._\u{301}.xlsx",
                     "～$a.xlsx", "．a.xlsx", "企业.xlsx", ".", "~", "~$", "/", ""]
        for name in names {
            for path in [name, "/tmp/2024-07/" + name, "d/" + name + "/"] {
                #expect(Validator.nameSkipReason(path).map { kinds[$0]! } == byCharacters(path), "\(path.debugDescription)")
            }
        }
    }

    /// A symlinked month folder is walked, not listed as one entry (FileManager needs the trailing slash).
    @Test func followsASymlinkedFolder() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: real.appendingPathComponent("a.xlsx"))
        let link = dir.appendingPathComponent("2024-07")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(Validator.files(in: link.path) == [link.path + "/a.xlsx"])
        #expect(Validator.expand([link.path]) == [link.path + "/a.xlsx"])
    }
}
