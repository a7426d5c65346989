import Foundation
import SheetModel

/// Writing report files: whole files or nothing, and one kind of error naming the file.
enum OutputFile {
    /// Writes through a temporary file in the same directory and renames it into place, so a
    /// reader (or a mail merge) never sees half a report.
    static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw failure(path, error)
        }
    }

    static func failure(_ path: String, _ error: any Error) -> SheetError {
        if let e = error as? SheetError, e.code == .io, e.file == path { return e }
        let name = (path as NSString).lastPathComponent
        return SheetError(.io, file: path, message: "无法写入报表文件「\(name)」，请检查输出目录是否存在、是否可写、磁盘是否已满",
                          underlying: String(describing: error))
    }
}
