package cn.subsidy.amount;

import java.math.BigDecimal;

/** A subsidy amount in yuan, exact to the fen, with how it was arrived at. */
public record Amount(BigDecimal total, String detail) {}
