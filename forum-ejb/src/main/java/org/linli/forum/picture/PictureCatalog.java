package org.linli.forum.picture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.content.PictureSizes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The stored pictures' sizes, for the renderer: one query per rendered text that places any. */
@ApplicationScoped
public class PictureCatalog implements PictureSizes {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Map<String, Size> find(Set<String> hashes) {
        Map<String, Size> sizes = new HashMap<>();
        em.createQuery("select p from Picture p where p.hash in :hashes", Picture.class)
                .setParameter("hashes", hashes)
                .getResultList()
                .forEach(picture -> sizes.putIfAbsent(picture.getHash(), picture.size()));
        return sizes;
    }
}
