import Foundation
import Testing
import TestSupport

@Suite struct InspectFolderTests {
    /// A folder is walked recursively in path order; only workbooks are read, hidden entries and
    /// Office lock files are left out, and files named on the command line keep their place.
    @Test func walksFoldersForWorkbooksOnly() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        func put(_ relative: String, from fixture: String = "cell-types.xlsx") throws {
            let url = root.appendingPathComponent(relative)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(atPath: Fixtures.reader(fixture), toPath: url.path)
        }
        try put("b.xlsx")
        try put("a/z.XLSX")
        try put("a/m.xlsm", from: "sheet-states.xlsx")
        try put("a/~$m.xlsm")
        try put(".hidden.xlsx")
        try put(".git/c.xlsx")
        try put("notes.txt")
        let r = try CLI.run(["inspect", "--format", "json", Fixtures.reader("zip64.xlsx"), root.path])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        let paths = doc.map { $0["path"] as! String }
        #expect(paths == [Fixtures.reader("zip64.xlsx")] + ["a/m.xlsm", "a/z.XLSX", "b.xlsx"].map { root.appendingPathComponent($0).path })
        #expect((doc[1]["sheets"] as! [[String: Any]]).count == 4)
        #expect(r.stderr.contains("共 4 个文件"))
    }

    @Test func aSymlinkedFolderIsWalked() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let real = root.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.reader("cell-types.xlsx"), toPath: real.appendingPathComponent("a.xlsx").path)
        let link = root.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real.path)
        let r = try CLI.run(["inspect", link])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix(link + "/a.xlsx"))
        #expect(r.stderr.contains("共 1 个文件"))
    }

    @Test func anEmptyFolderReadsNothing() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLI.run(["inspect", root.path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("共 0 个文件"))
    }
}
