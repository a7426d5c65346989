import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a folder cannot be written, in words a user can act on. SQLite and the OS report a full
/// disk or a read-only mount as "disk I/O error", "readonly database" or a bare errno; asking the
/// file system afterwards tells the cases apart reliably.
public enum DiskProblem {
    /// The folder's problem, or nil when the file system sees none (the error was something else).
    public static func describe(folder: String) -> String? {
        let dir = folder.isEmpty ? "." : folder
        var st = statvfs()
        guard statvfs(dir, &st) == 0 else { return nil }
        if st.f_flag & UInt(ST_RDONLY) != 0 {
            return "「\(dir)」所在的文件系统是只读的，请换一个可写的输出目录"
        }
        let free = UInt64(st.f_bavail) * UInt64(st.f_frsize)
        if free < 1 << 20 {
            return "磁盘空间不足（「\(dir)」所在磁盘仅剩 \(free >> 10) KiB），请清理磁盘后重试"
        }
        if access(dir, W_OK) != 0 {
            return "没有「\(dir)」的写入权限，请检查目录权限"
        }
        return nil
    }

    /// `describe` for the folder holding `file`.
    public static func describe(file: String) -> String? {
        describe(folder: (file as NSString).deletingLastPathComponent)
    }
}
