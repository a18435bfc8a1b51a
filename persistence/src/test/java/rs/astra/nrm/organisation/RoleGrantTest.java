package rs.astra.nrm.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Four eyes: which roles wait for a second administrator, who may decide, and what a decision
 * changes.
 */
class RoleGrantTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private final Organisation ngo =
      withId(new Organisation("Grant NGO", OrganisationType.NGO, null), 7L);
  private final PortalUser requester = user(1L, "admin", PortalRole.ADMIN);
  private final PortalUser second = user(2L, "admin2", PortalRole.ADMIN);

  @Test
  void onlyTheHotlineOperatorsRoleTakesEffectAtOnce() {
    for (PortalRole role : PortalRole.values()) {
      assertEquals(
          role != PortalRole.HOTLINE_OPERATOR, role.grantNeedsSecondAdministrator(), role.name());
    }
    PortalUser operator = user(3L, "operator", PortalRole.HOTLINE_OPERATOR);
    assertThrows(
        IllegalArgumentException.class,
        () -> RoleGrant.forRoleChange(operator, PortalRole.HOTLINE_OPERATOR, requester, NOW));
    assertThrows(
        IllegalArgumentException.class,
        () -> RoleGrant.forPassword(operator, "hash", requester, NOW),
        "her password is set at once");
  }

  @Test
  void neitherTheRequesterNorTheUserConcernedDecides() {
    PortalUser third = user(3L, "admin3", PortalRole.ADMIN);
    RoleGrant demotion = RoleGrant.forRoleChange(third, PortalRole.DPO, requester, NOW);
    assertFalse(demotion.mayBeDecidedBy(requester.getId()), "the requester");
    assertFalse(demotion.mayBeDecidedBy(third.getId()), "the administrator whose role it is");
    assertTrue(demotion.mayBeDecidedBy(second.getId()));
    assertThrows(IllegalArgumentException.class, () -> demotion.approve(requester, NOW));
    assertThrows(IllegalArgumentException.class, () -> demotion.reject(third, NOW));
    assertEquals(PortalRole.ADMIN, third.getRole(), "nothing changed");
    assertThrows(
        IllegalArgumentException.class,
        () -> RoleGrant.forRoleChange(requester, PortalRole.DPO, requester, NOW),
        "nobody asks for herself");
  }

  @Test
  void approvingANewUsersRoleLetsHerIn() {
    PortalUser caseworker = user(4L, "new.caseworker", PortalRole.NGO_CASEWORKER);
    caseworker.holdForApproval();
    RoleGrant grant = RoleGrant.forNewUser(caseworker, requester, NOW);
    assertFalse(caseworker.isActive());
    assertThrows(
        IllegalStateException.class,
        caseworker::reactivate,
        "nobody reactivates her around the approval");
    assertEquals("NEW_USER ngo-caseworker @ 7", grant.activityDetail());

    grant.approve(second, NOW.plusSeconds(60));
    assertTrue(caseworker.isActive() && !caseworker.isAwaitingApproval());
    assertEquals(RoleGrant.Status.APPROVED, grant.getStatus());
    assertEquals(second, grant.getDecidedBy());
    assertThrows(
        IllegalStateException.class,
        () -> grant.reject(user(5L, "admin5", PortalRole.ADMIN), NOW),
        "decided once");
  }

  @Test
  void aRejectedRoleChangeLeavesTheRoleAndAPasswordWaitsOnlyAsItsHash() {
    PortalUser officer = user(4L, "hotline.to.caseworker", PortalRole.HOTLINE_OPERATOR);
    RoleGrant change = RoleGrant.forRoleChange(officer, PortalRole.NGO_CASEWORKER, requester, NOW);
    assertEquals("ROLE_CHANGE hotline-operator -> ngo-caseworker @ 7", change.activityDetail());
    change.reject(second, NOW);
    assertEquals(PortalRole.HOTLINE_OPERATOR, officer.getRole());
    assertEquals(RoleGrant.Status.REJECTED, change.getStatus());

    PortalUser caseworker = user(6L, "caseworker", PortalRole.NGO_CASEWORKER);
    RoleGrant password =
        RoleGrant.forPassword(caseworker, "PBKDF2WithHmacSHA256:600000:new", requester, NOW);
    password.approve(second, NOW);
    assertEquals(PortalRole.NGO_CASEWORKER, caseworker.getRole());
    assertTrue(caseworker.isActive());
    RoleGrant withdrawn =
        RoleGrant.forPassword(caseworker, "PBKDF2WithHmacSHA256:600000:other", requester, NOW);
    withdrawn.cancel(requester, NOW);
    assertEquals(RoleGrant.Status.CANCELLED, withdrawn.getStatus());
    assertNull(field(withdrawn, "passwordHash"), "a decided request keeps no hash");
    assertNull(field(password, "passwordHash"));
    assertEquals("PBKDF2WithHmacSHA256:600000:new", field(caseworker, "passwordHash"));
  }

  private PortalUser user(long id, String username, PortalRole role) {
    return withId(
        new PortalUser(username, username, ngo, role, "PBKDF2WithHmacSHA256:600000:old"), id);
  }

  private static <T> T withId(T entity, long id) {
    try {
      Field f = entity.getClass().getDeclaredField("id");
      f.setAccessible(true);
      f.set(entity, id);
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object field(Object entity, String name) {
    try {
      Field f = entity.getClass().getDeclaredField(name);
      f.setAccessible(true);
      return f.get(entity);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
