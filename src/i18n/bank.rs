//! Words of the bank account page (\`/account/bank\`), issue #13.

pub struct BankTexts {}

pub const AR: BankTexts = BankTexts {};

pub const EN: BankTexts = BankTexts {};
