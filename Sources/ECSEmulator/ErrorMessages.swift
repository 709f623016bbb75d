import ECSValidation
import Foundation

/// The English message and HTTP status of every code the emulator answers with: the shared
/// `ErrorCatalog` first, then the few server-only codes it does not list.
enum ErrorMessages {
    static let hostId = "ecs.aliyuncs.com"

    private static let serverOnly: [String: (Int, String)] = [
        "MissingParameter": (400, "The input parameter that is mandatory for processing this request is not supplied."),
        "ImageUseShared": (403, "The specified image has been shared to others, please remove shared accounts first."),
    ]

    /// The documented HTTP status of a code; 400 for codes outside the catalogue.
    static func status(for code: String) -> Int {
        ErrorCatalog.entry(for: code)?.httpStatus ?? serverOnly[code]?.0 ?? 400
    }

    /// The documented English message of a code.
    static func message(for code: String) -> String {
        ErrorCatalog.message(for: code) ?? serverOnly[code]?.1 ?? "The request was rejected: \(code)."
    }

    /// Whether the code has a documented message.
    static func knows(_ code: String) -> Bool { ErrorCatalog.entry(for: code) != nil || serverOnly[code] != nil }
}
