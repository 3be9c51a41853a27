//! The generators' random numbers: xorshift64*, small and deterministic (the same corpus on
//! every machine and run); statistical quality does not matter here.

pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// An index in `0..n`.
    #[allow(dead_code)] // generate_catalog.rs picks, generate.rs draws numbers
    pub fn pick(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }
}
