//! The language of what people read: Chinese or English, one at a time, following the
//! locale.

/// Label language: follows the locale, overridable with `--lang zh|en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// From `--lang` or, when absent, the locale variables (LC_ALL, LC_MESSAGES, LANG):
    /// Chinese unless the locale names another language.
    pub fn detect(flag: Option<&str>, locale: Option<&str>) -> Lang {
        match flag.or(locale).map(str::to_ascii_lowercase) {
            Some(value) if value.starts_with("en") => Lang::En,
            Some(value)
                if value.starts_with("zh")
                    || value.is_empty()
                    || value == "c"
                    || value.starts_with("c.")
                    || value == "posix" =>
            {
                Lang::Zh
            }
            Some(_) => Lang::En,
            None => Lang::Zh,
        }
    }

    /// Pick the label of this language.
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
