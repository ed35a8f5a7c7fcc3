//! One file per subcommand: glue from parsed arguments to the library, and printed output.
pub mod import;
