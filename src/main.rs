fn main() -> std::process::ExitCode {
    isnad::cli::run()
}
