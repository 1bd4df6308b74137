//! Peak stack by painting: fill the free stack with a pattern, run, then find the lowest word
//! the pattern no longer holds.
//!
//! cortex-m-rt puts the stack at the top of RAM, growing down to `_stack_end` (the end of
//! `.bss`/`.uninit`). [`paint`] fills everything below the current stack pointer; [`peak`]
//! returns how many bytes below `_stack_start` (the top) have been touched since, which
//! counts the frames of `main` and of the reset handler too.

use core::ptr;

/// The pattern (cortex-m-rt's `paint-stack` uses the same).
const PAINT: u32 = 0xCCCC_CCCC;

unsafe extern "C" {
    /// The top of the stack (highest address + 1), from cortex-m-rt's `link.x`.
    static _stack_start: u32;
    /// The lowest address the stack may reach, from cortex-m-rt's `link.x`.
    static _stack_end: u32;
}

fn bounds() -> (usize, usize) {
    (ptr::addr_of!(_stack_end) as usize, ptr::addr_of!(_stack_start) as usize)
}

/// Paints the unused part of the stack (from `_stack_end` up to the stack pointer).
#[inline(never)]
pub fn paint() {
    let (end, _) = bounds();
    let sp = cortex_m::register::msp::read() as usize;
    let mut at = end;
    while at + 4 <= sp {
        // SAFETY: `[_stack_end, sp)` is RAM reserved for the stack (cortex-m-rt's linker
        // script), 4-aligned (the script asserts it) and below the stack pointer, so no live
        // frame or static is there. Volatile, so it is not turned into a `memset` call that
        // would itself use that stack.
        unsafe { ptr::write_volatile(at as *mut u32, PAINT) };
        at += 4;
    }
}

/// The lowest stack address written since [`paint`].
#[inline(never)]
pub fn lowest() -> usize {
    let (end, start) = bounds();
    let mut at = end;
    // SAFETY: reads 4-aligned words of the stack region `[_stack_end, _stack_start)`.
    while at < start && unsafe { ptr::read_volatile(at as *const u32) } == PAINT {
        at += 4;
    }
    at
}

/// The most stack used since [`paint`], in bytes, counted from the top of the stack.
pub fn peak() -> usize {
    top() - lowest()
}

/// The top of the stack (where it starts, growing down).
pub fn top() -> usize {
    bounds().1
}

/// The stack pointer now.
#[inline(always)]
pub fn pointer() -> usize {
    cortex_m::register::msp::read() as usize
}
