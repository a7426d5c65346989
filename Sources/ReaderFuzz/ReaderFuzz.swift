import SheetModel
import XLSXReader
import ZipXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one candidate workbook completely: every sheet, every cell, the merged ranges. Any
/// `SheetError` is a correct answer; a crash, a leak, a hang or a sanitizer report is a bug.
func readEverything(path: String) {
    do {
        let book = try Workbook(path: path)
        for i in book.sheets.indices {
            let rows = try book.rows(at: i)
            var cells = 0
            while let row = try rows.next() { cells &+= row.cells.count }
            _ = rows.mergedRanges.count &+ cells
        }
    } catch {
        _ = "\(error)"  // building the message must not crash either
    }
}

/// The input goes through a file, as the reader's production path does (libzip opens files).
/// An input that is not a zip becomes the worksheet and shared-strings XML of a minimal package,
/// so that mutations reach the XML handlers instead of dying in the deflate layer.
func readBytes(_ data: UnsafePointer<UInt8>, _ size: Int) {
    let path = "/dev/shm/parkstat-fuzz-\(getpid()).xlsx"
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.starts(with: [0x50, 0x4B]) || !wrapAsPackage(bytes, at: path) {
        guard let f = fopen(path, "wb") else { return }
        if size > 0 { fwrite(data, 1, size, f) }
        fclose(f)
    }
    readEverything(path: path)
    unlink(path)
}

func wrapAsPackage(_ xml: [UInt8], at path: String) -> Bool {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    do {
        let zip = try ZipWriter(path: path, compressionLevel: 0)
        try zip.add("_rels/.rels", bytes: Array("""
            <Relationships xmlns="\(pkg)"><Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """.utf8))
        try zip.add("xl/workbook.xml", bytes: Array("""
            <workbook xmlns="\(main)" xmlns:r="\(rel)"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
            """.utf8))
        try zip.add("xl/_rels/workbook.xml.rels", bytes: Array("""
            <Relationships xmlns="\(pkg)"><Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(rel)/sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """.utf8))
        try zip.add("xl/worksheets/sheet1.xml", bytes: xml)
        try zip.add("xl/sharedStrings.xml", bytes: xml)
        try zip.commit()
        return true
    } catch {
        return false
    }
}

#if FUZZING
/// libFuzzer's entry point for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    readBytes(data, size)
    return 0
}

/// libFuzzer's driver, entered from our own `main` (SwiftPM owns the executable's entry point).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
    }
}
#else
/// Without libFuzzer: replays the files named on the command line (crash regressions, corpus).
@main
struct ReplayMain {
    static func main() {
        for path in CommandLine.arguments.dropFirst() { readEverything(path: path) }
        print("replayed \(CommandLine.arguments.count - 1) files")
    }
}
#endif
