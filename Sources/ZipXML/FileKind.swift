import SheetModel

/// What a file is by its first bytes, before any zip parsing: staff rename .xls, CSV and HTML exports
/// to .xlsx, and each deserves its own message.
public enum FileKind: Sendable, Equatable {
    case zip
    case emptyFile
    /// OLE2 compound file holding an encrypted OOXML package (a password-protected workbook).
    case encryptedOLE
    /// OLE2 compound file without encryption streams: a legacy .xls (or .et) workbook.
    case legacyXLS
    case html
    case text
    case unknown

    /// Classifies by signature. `head` is the start of the file (a few KiB is enough for OLE
    /// directory names in small files; `oleNames` looks further when needed).
    public static func sniff(head: [UInt8], wholeFileContains: (([UInt8]) -> Bool)? = nil) -> FileKind {
        if head.isEmpty { return .emptyFile }
        if head.starts(with: [0x50, 0x4B]) { return .zip }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // "EncryptedPackage" as UTF-16LE, the stream every encrypted OOXML container holds.
            let marker = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            let found = wholeFileContains?(marker) ?? head.contains(subsequence: marker)
            return found ? .encryptedOLE : .legacyXLS
        }
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let prefix = head[start..<min(head.count, start + 512)]
        let lowered = String(decoding: prefix, as: UTF8.self).lowercased()
        let trimmed = lowered.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || lowered.contains("<table")
            || lowered.contains("<html") {
            return .html
        }
        // Mostly printable: a CSV or text export.
        let printable = prefix.filter { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
        if printable * 10 >= prefix.count * 9 { return .text }
        return .unknown
    }
}

extension RandomAccessCollection where Element == UInt8, Index == Int {
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return false }
        let first = needle[0]
        var i = startIndex
        while i <= endIndex - needle.count {
            if self[i] == first && self[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
