package org.linli.forum.setup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.linli.forum.board.BoardKind;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.member.Role;

import java.util.logging.Logger;

/**
 * In demo mode (the default), the first start of an empty forum seeds three boards and the
 * demo accounts (a resident, a moderator, a staff member and an administrator) whose passwords are in the README. In production mode it does nothing: there are
 * no default accounts.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@RunAs(Role.ADMIN_NAME)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** The demo accounts: username, email, password, role. */
    static final String[][] ACCOUNTS = {
            {"resident", "resident@demo.linli.invalid", "linli-resident", Role.RESIDENT.name()},
            {"moderator", "moderator@demo.linli.invalid", "linli-moderator", Role.MODERATOR.name()},
            {"staff", "staff@demo.linli.invalid", "linli-staff", Role.STAFF.name()},
            {"admin", "admin@demo.linli.invalid", "linli-admin", Role.ADMIN.name()},
    };

    @EJB
    private BoardService boardService;

    @EJB
    private MemberService memberService;

    @PostConstruct
    void seed() {
        if (ForumSettings.mode() != ForumSettings.Mode.DEMO) {
            return;
        }
        if (!boardService.listBoards().isEmpty() || memberService.countMembers() > 0) {
            return;
        }
        boardService.createBoard("物业管理", "Property management · 物业服务、维修、收费与小区管理", BoardKind.PROBLEMS);
        boardService.createBoard("城市建设", "Urban construction · 道路、路灯、绿化与市政设施", BoardKind.PROBLEMS);
        boardService.createBoard("社区公告", "Community announcements · 街道与社区的通知和公告", BoardKind.ANNOUNCEMENTS);
        for (String[] account : ACCOUNTS) {
            memberService.create(new Registration(account[0], account[1], account[2]), Role.valueOf(account[3]));
        }
        LOG.info("Demo mode: seeded three boards and the demo accounts resident, moderator, staff and admin");
    }
}
