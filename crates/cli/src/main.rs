//! `onewindow`: the department tool. Everything happens in [`onewindow_cli::run`].

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut out = std::io::stdout().lock();
    let result = onewindow_cli::run(std::env::args_os().skip(1), &mut out);
    let _ = out.flush();
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("onewindow: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
