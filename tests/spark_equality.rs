//! The archive path on Apache Spark (`scale/spark_pipeline.py`, local mode)
//! gives the same annotation bytes and the same relations as the
//! one-machine commands, on 2,000 SaudiNewsNet articles from ../shared. The
//! script fails, never skips, when Java, pyspark or ../shared is missing:
//! `.ci/run` installs them, and runs the ignored tests.

use std::process::Command;

#[test]
#[ignore = "needs ../shared, Java and pyspark"]
fn spark_path_equals_the_one_machine_path() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scale/test_equality.sh");
    let status = Command::new("bash")
        .arg(script)
        .env("ISNAD", env!("CARGO_BIN_EXE_isnad"))
        .status()
        .expect("bash runs");
    assert!(status.success(), "{script} failed: see its message above");
}
