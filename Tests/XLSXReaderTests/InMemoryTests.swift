import Foundation
import SheetModel
import Testing
import TestSupport
import XLSXReader
import ZipXML

/// A file read whole (`FileBytes`) reads exactly as it does streamed from disk: the same cells,
/// merged ranges and sheets, and for broken files the same rule and message.
@Suite struct InMemoryTests {
    /// Everything a load produced, or the error it threw, as comparable text.
    static func outcome(_ load: () throws -> WorkbookData) -> String {
        do {
            let book = try load()
            return "\(book.dateSystem)\n" + book.sheets.map { sheet in
                "\(sheet.name) \(sheet.state) \(sheet.kind) \(sheet.merged)\n"
                    + sheet.rows.map { row in "\(row.index):" + row.cells.map { "\($0.column)=\($0.value)" }.joined(separator: ",") }
                        .joined(separator: "\n")
            }.joined(separator: "\n")
        } catch let e as SheetError {
            return "error \(e.code.ruleID) \(e.message) \(e.part ?? "")"
        } catch {
            return "unexpected \(error)"
        }
    }

    static func files() -> [String] {
        var dirs = [Fixtures.path("reader"), Fixtures.path("reader/hostile")]
        if let corpus = Fixtures.sharedCorpus { dirs += ["\(corpus)/visible", "\(corpus)/bad"] }
        return dirs.flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
                .map { "\(dir)/\($0)" }
                .filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".xlsm") }
        }.filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
    }

    @Test func sameAsStreamedFromDisk() throws {
        let files = InMemoryTests.files()
        #expect(files.count >= 20)
        for file in files {
            let streamed = InMemoryTests.outcome { try Workbook.load(path: file) }
            let bytes = try #require(FileBytes(path: file, limit: 64 << 20), "\(file)")
            let inMemory = InMemoryTests.outcome { try Workbook.load(path: file, bytes: bytes) }
            #expect(streamed == inMemory, "\(file)")
        }
    }

    @Test func fileBytesRefusesWhatItShouldNotRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.xlsx").path
        try Data("0123456789".utf8).write(to: URL(fileURLWithPath: file))
        #expect(FileBytes(path: file, limit: 100)?.count == 10)
        #expect(FileBytes(path: file, limit: 9) == nil)              // too big: streamed instead
        #expect(FileBytes(path: dir.path, limit: 100) == nil)        // a folder
        #expect(FileBytes(path: dir.appendingPathComponent("missing").path, limit: 100) == nil)
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(FileBytes(path: fifo, limit: 100) == nil)             // never waited on
        let empty = dir.appendingPathComponent("empty.xlsx").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(FileBytes(path: empty, limit: 100)?.count == 0)
    }
}
