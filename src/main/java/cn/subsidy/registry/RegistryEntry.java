package cn.subsidy.registry;

/** One person in a county's registry. */
public record RegistryEntry(String countyCode, String idNumber, String name, Category category) {}
