package cn.subsidy.eligibility;

import cn.subsidy.application.ApplicationType;
import cn.subsidy.application.TrainingLevel;
import cn.subsidy.registry.RegistryEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything the automatic eligibility rules look at for one application: what was applied for, what
 * the registry says, and what the same person already claimed.
 *
 * @param registryEntry the person in the filing county's registry, if there
 * @param otherRegistryCounties counties whose registry lists the person, other than the filing one
 * @param transportClaimedBy the other application holding this person's transport claim for the year
 * @param trainingClaimedBy the other application holding this occupation and level for this person
 * @param claimedLevels levels of the same occupation the person has claimed in other applications
 */
public record EligibilityFacts(
    ApplicationType type,
    String countyCode,
    String idNumber,
    String name,
    boolean pledge,
    LocalDate applicationDate,
    Optional<RegistryEntry> registryEntry,
    List<String> otherRegistryCounties,
    Integer transportYear,
    LocalDate employmentStart,
    Optional<String> transportClaimedBy,
    String occupation,
    TrainingLevel level,
    LocalDate certificateDate,
    Optional<String> trainingClaimedBy,
    List<TrainingLevel> claimedLevels) {}
