import Dispatch

/// A job started on another thread; its value, or the error it threw, is handed over where it is
/// waited for. For serial work that would otherwise leave a core idle (the registry read while the
/// folders are walked, validation.json while the periods are reported).
final class Background<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the job before the group is left; read only after waiting on the group.
    private var outcome: Result<Value, any Error>?

    init(_ job: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async(group: group) { [self] in
            outcome = Result { try job() }
        }
    }

    func wait() { group.wait() }

    /// Whether the job has finished, without waiting.
    var isDone: Bool { group.wait(timeout: .now()) == .success }

    /// Waits, then returns what the job returned or throws what it threw.
    func result() throws -> Value {
        group.wait()
        return try outcome!.get()
    }
}
