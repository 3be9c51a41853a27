//! The one error type of the CLI: a command that could not run, naming the bad input.

use std::fmt;
use std::io;

/// Why a command could not run. Every one ends the program with exit code 2.
#[derive(Debug)]
pub enum Error {
    /// The command line is wrong; the message says how.
    Usage(String),
    /// A file could not be used; `path` is as the user gave it (or as found in a directory).
    File {
        /// The file at fault.
        path: String,
        /// What went wrong with it.
        message: String,
    },
    /// Writing to standard output failed (e.g. a closed pipe).
    Output(io::Error),
}

impl Error {
    /// The process exit code for this error: always 2 (1 is reserved for "problems found").
    pub fn exit_code(&self) -> u8 {
        2
    }

    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    pub(crate) fn file(path: impl fmt::Display, message: impl Into<String>) -> Self {
        Error::File { path: path.to_string(), message: message.into() }
    }

    /// An IO error on `path`, worded for people.
    pub(crate) fn io(path: impl fmt::Display, error: &io::Error) -> Self {
        let message = match error.kind() {
            io::ErrorKind::NotFound => "no such file or directory".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            io::ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
            _ => error.to_string(),
        };
        Error::file(path, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) => {
                write!(f, "{message}\nRun `onewindow --help` for the commands and their options.")
            }
            Error::File { path, message } => write!(f, "{path}: {message}"),
            Error::Output(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Output(e)
    }
}
